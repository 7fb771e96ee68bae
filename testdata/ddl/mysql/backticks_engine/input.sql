-- Covers: backtick-quoted names (with spaces, keywords, a doubled backtick), ENGINE=InnoDB and other table options, AUTO_INCREMENT, int unsigned, COMMENT '...' on columns and tables, IF NOT EXISTS.
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT COMMENT 'surrogate key',
  `email` varchar(255) NOT NULL COMMENT 'login; unique, it''s checked',
  `display name` varchar(100) DEFAULT NULL,
  `order` int DEFAULT NULL COMMENT 'a keyword as a name',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='People who log in';

CREATE TABLE IF NOT EXISTS `odd``name` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int unsigned NOT NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `odd_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)
) ENGINE = MyISAM DEFAULT CHARACTER SET = latin1 ROW_FORMAT=DYNAMIC;

create table plain_lower (
  id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
  Name VARCHAR(20) NOT NULL
) engine=innodb auto_increment=5 charset=utf8mb4;
