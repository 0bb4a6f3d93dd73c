/** The Roost graph: names, ids, schema and domain records, shared by every module. */
package roost.model;
