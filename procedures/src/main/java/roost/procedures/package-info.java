/**
 * The Cypher face of Roost: graph algorithms, the database extension that hosts Roost's live
 * structures inside the database process, and thin {@code @Procedure} adapters.
 *
 * <p>The same jar serves the embedded database and a stock Neo4j server (as a plugin): state
 * that outlives a transaction is a component registered by {@link roost.procedures.extension.RoostExtensionFactory}
 * and injected into procedures with {@code @Context}, never a static singleton.
 */
package roost.procedures;
