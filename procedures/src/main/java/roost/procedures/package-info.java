/** Roost procedures. */
package roost.procedures;
