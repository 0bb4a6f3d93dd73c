/**
 * Loading a CSV directory into Neo4j: {@link roost.importer.load.TransactionalLoader} (Core API, any
 * database, idempotent), {@link roost.importer.load.CypherLoader} (the same with batched Cypher) and
 * {@link roost.importer.load.BulkLoader} (Neo4j's batch importer, new databases only).
 */
package roost.importer.load;
