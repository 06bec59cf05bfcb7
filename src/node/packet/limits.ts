/** Caps that stop a hostile or broken packet from exhausting disk or memory (zip bombs). */
export interface PacketLimits {
  /** Total uncompressed bytes of all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest uncompressed/compressed ratio allowed for an entry bigger than ratioFloorBytes. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  maxManifestBytes: number;
}

export const DEFAULT_PACKET_LIMITS: PacketLimits = {
  maxTotalBytes: 8 * 1024 ** 3,
  maxEntries: 5_000,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
};
