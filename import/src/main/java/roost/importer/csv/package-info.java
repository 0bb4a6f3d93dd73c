/**
 * The generic CSV format: {@link roost.importer.csv.CsvTable} (the six files and their columns),
 * a streaming reader ({@link roost.importer.csv.CsvRecordReader}, {@link roost.importer.csv.CsvDirectory}),
 * the validation pass ({@link roost.importer.csv.CsvValidator}) and the writer
 * ({@link roost.importer.csv.CsvWriter}). The format is described in the module's README.
 */
package roost.importer.csv;
