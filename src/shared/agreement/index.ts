/** Agreement statistics for norming and double scoring: pure, no dependency, checked against published values. */
export { cohenKappa } from './cohen';
export { fleissKappa } from './fleiss';
export { brennanPrediger, gwetAC } from './gwet';
export { krippendorffAlpha, type AlphaMetric } from './krippendorff';
export { agreementWithMaster, type MasterAgreement } from './master';
export { allRatersAgreement, pairwiseAgreement } from './percent';
export {
  agreementReport,
  summarise,
  type AgreementReport,
  type AgreementSummary,
  type CriterionRating,
  type PairAgreement,
} from './report';
export {
  levelCounts,
  observedLevels,
  ratingTable,
  type Rating,
  type RatingTable,
  type Score,
  type Statistic,
} from './ratings';
export { weightMatrix, type Weighting } from './weights';
