/** Roost import. */
package roost.importer;
