-- Covers: inline KEY, INDEX, UNIQUE KEY, UNIQUE INDEX, FULLTEXT KEY, SPATIAL KEY, prefix lengths, USING BTREE/HASH, descending key parts, invisible indexes, and CREATE INDEX / ALTER TABLE ADD INDEX outside the table.
CREATE TABLE `articles` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `slug` varchar(191) NOT NULL,
  `title` varchar(255) NOT NULL,
  `body` mediumtext,
  `author_id` int unsigned NOT NULL,
  `published_at` datetime DEFAULT NULL,
  `location` point NOT NULL /*!80003 SRID 4326 */,
  PRIMARY KEY (`id`) USING BTREE,
  UNIQUE KEY `articles_slug_unique` (`slug`),
  UNIQUE INDEX `articles_author_title` (`author_id`, `title`(100)),
  KEY `articles_author_id_index` (`author_id`),
  INDEX `articles_published` (`published_at` DESC) USING BTREE,
  KEY `articles_hidden` (`title`(20)) /*!80000 INVISIBLE */,
  FULLTEXT KEY `articles_fulltext` (`title`,`body`),
  SPATIAL KEY `articles_location` (`location`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `tags` (
  `id` int NOT NULL AUTO_INCREMENT,
  `name` varchar(50) NOT NULL UNIQUE,
  `lower_name` varchar(50) GENERATED ALWAYS AS (lower(`name`)) VIRTUAL,
  PRIMARY KEY (`id`),
  UNIQUE (`lower_name`)
) ENGINE=InnoDB;

CREATE INDEX `tags_name_prefix` ON `tags` (`name`(10));
CREATE UNIQUE INDEX tags_lower USING BTREE ON tags (lower_name);
ALTER TABLE `articles` ADD INDEX `articles_title` (`title`), ADD KEY (`published_at`, `author_id`);
