-- Covers: CONSTRAINT ... FOREIGN KEY ... REFERENCES with ON DELETE / ON UPDATE actions (CASCADE, SET NULL, RESTRICT, NO ACTION, not written), unnamed, named-after-FOREIGN-KEY and composite keys, the KEY MySQL adds for a foreign key, an inline REFERENCES (MySQL parses and ignores it), and ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY.
CREATE TABLE `customers` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `region` char(2) NOT NULL,
  `code` int NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `customers_region_code` (`region`,`code`)
) ENGINE=InnoDB;

CREATE TABLE `orders` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `customer_id` int unsigned NOT NULL,
  `referrer_id` int unsigned DEFAULT NULL,
  `approver_id` int unsigned DEFAULT NULL,
  `auditor_id` int unsigned DEFAULT NULL,
  `cust_region` char(2) DEFAULT NULL,
  `cust_code` int DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `orders_customer_id_foreign` (`customer_id`),
  KEY `orders_customer` (`cust_region`,`cust_code`),
  CONSTRAINT `orders_customer_id_foreign` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `orders_referrer_fk` FOREIGN KEY (`referrer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL,
  CONSTRAINT `orders_approver_fk` FOREIGN KEY (`approver_id`) REFERENCES `customers` (`id`) ON DELETE RESTRICT ON UPDATE NO ACTION,
  FOREIGN KEY (`auditor_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION,
  CONSTRAINT `orders_customer_composite` FOREIGN KEY (`cust_region`, `cust_code`) REFERENCES `customers` (`region`, `code`) ON UPDATE SET NULL
) ENGINE=InnoDB;

CREATE TABLE `order_items` (
  `order_id` int unsigned NOT NULL,
  `line` smallint unsigned NOT NULL,
  `qty` int NOT NULL DEFAULT '1',
  PRIMARY KEY (`order_id`,`line`)
) ENGINE=InnoDB;

ALTER TABLE `order_items`
  ADD CONSTRAINT `order_items_order_fk` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE;

CREATE TABLE shipments (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id INT UNSIGNED NOT NULL REFERENCES orders (id),
  INDEX (order_id),
  FOREIGN KEY fk_ship_order (order_id) REFERENCES orders (id) ON UPDATE CASCADE
);
