package cn.zugong.lighting.internal;

/** A reviewer's decision on a submitted report: "approve", else a return, which needs its reason. */
record ReviewDecision(String decision, String reason) {
}
