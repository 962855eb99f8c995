package cn.zugong.service.internal;

/** A charge's new from–to dates, as typed (checked field by field by {@link CadreAdmin}). */
record ChargePeriod(String from, String to) {
}
