/** The Higgs Twitter data set (SNAP) converted to the generic CSV format: {@link roost.importer.higgs.HiggsConverter}. */
package roost.importer.higgs;
