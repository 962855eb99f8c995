package cn.zugong.rating;

/**
 * How stars are earned: {@code TOTAL} — the total points against bands (≥ 900 五星 …, 五星双强, 千分制);
 * {@code DIMENSIONS} — one star (or 强) per dimension whose points reach its threshold (村评五星, 乡镇创五强).
 */
public enum StarMode {
    TOTAL,
    DIMENSIONS
}
