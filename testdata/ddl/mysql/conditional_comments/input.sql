-- Covers: /*!NNNNN ... */ conditional comments at statement level and inside CREATE TABLE (their content is SQL), plain /* */ comments, # comments, -- comments, and SET statements with @variables.
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
# a hash comment with a ; semicolon and CREATE TABLE nope (x int);
SET @saved = 1;

/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `events` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `kind` varchar(20) NOT NULL, # trailing hash comment
  `payload` json DEFAULT NULL, -- trailing dash comment
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP /*!80023 INVISIBLE */,
  /* a block comment */ `source_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `events_kind` (`kind`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 /*!50100 PARTITION BY HASH (`id`) PARTITIONS 4 */;
/*!40101 SET character_set_client = @saved_cs_client */;

/*!50001 CREATE TABLE `sources` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(40) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB */;

/*!40000 ALTER TABLE `events` DISABLE KEYS */;
INSERT INTO `events` VALUES (1,'a /* not a comment */','{\"k\": \"v; w\"}','2024-01-01 00:00:00',NULL);
/*!40000 ALTER TABLE `events` ENABLE KEYS */;

ALTER TABLE `events` ADD CONSTRAINT `events_source_fk` FOREIGN KEY (`source_id`) REFERENCES `sources` (`id`) /*!80000 ON DELETE SET NULL */;

/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `recent_events` AS select `events`.`id` AS `id` from `events` */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
