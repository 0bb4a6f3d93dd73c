/**
 * The synthetic network generator ({@link roost.importer.generate.Generator}): planted interest
 * communities, a power-law follow graph, tweets and engagements drawn from a latent-interest model,
 * written as generic CSV with the ground truth.
 */
package roost.importer.generate;
