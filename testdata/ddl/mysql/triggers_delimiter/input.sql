-- Covers: DELIMITER ;; and DELIMITER $$ blocks with triggers, a procedure and a function whose bodies hold semicolons, as mysql and mysqldump write them; only the tables are modelled.
CREATE TABLE `accounts` (
  `id` int NOT NULL AUTO_INCREMENT,
  `balance` decimal(12,2) NOT NULL DEFAULT '0.00',
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

DELIMITER ;;
/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `accounts_touch` BEFORE UPDATE ON `accounts` FOR EACH ROW BEGIN
  SET NEW.updated_at = NOW();
  IF NEW.balance < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative; not allowed';
  END IF;
END */;;
DELIMITER ;

DELIMITER $$
CREATE PROCEDURE `add_interest`(IN rate DECIMAL(5,4))
BEGIN
  UPDATE accounts SET balance = balance * (1 + rate);
  -- CREATE TABLE fake (id int);
END$$

CREATE FUNCTION `double_it`(x INT) RETURNS int
    DETERMINISTIC
BEGIN
  DECLARE y INT;
  SET y = x * 2;
  RETURN y;
END $$
DELIMITER ;

CREATE TABLE `ledger` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `account_id` int NOT NULL,
  `amount` decimal(12,2) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `ledger_account` (`account_id`),
  CONSTRAINT `ledger_account_fk` FOREIGN KEY (`account_id`) REFERENCES `accounts` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB;

delimiter //
CREATE TRIGGER ledger_apply AFTER INSERT ON ledger FOR EACH ROW
BEGIN
  UPDATE accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id;
END//
delimiter ;
