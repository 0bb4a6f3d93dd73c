/** Roost retrieval. */
package roost.retrieval;
