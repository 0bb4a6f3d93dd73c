/**
 * Roost import: the generic CSV format, the loaders that bring it into Neo4j, the converter for
 * the Higgs Twitter data set and the synthetic network generator. {@link roost.importer.Imports}
 * is the entry point for callers such as the command line.
 */
package roost.importer;
