/** Roost api. */
package roost.api;
