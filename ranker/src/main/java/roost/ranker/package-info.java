/** Roost ranker. */
package roost.ranker;
