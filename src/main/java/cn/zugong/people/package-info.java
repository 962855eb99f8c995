/**
 * 干部名册 and 党员: the roster (people, posts, ranks, training, assessments, rewards), its Excel import and export,
 * masking and encryption of personal data, and the party members. Public API: {@link cn.zugong.people.PeopleDirectory}
 * and {@link cn.zugong.people.PersonCard} (a person as 数字体检 shows one behind a figure),
 * {@link cn.zugong.people.RosterVocabulary} (the roster's coded values, read by the indicator formulas); and, used by
 * the demo, {@link cn.zugong.people.RosterWriter} with {@link cn.zugong.people.PersonRow} and
 * {@link cn.zugong.people.PartyMemberRow} (write a roster in batches), keeping its history (ADR 050/051):
 * {@link cn.zugong.people.RosterChange} (生效日期 and {@link cn.zugong.people.ChangeKind}) and
 * {@link cn.zugong.people.PersonHistory} (a new person's whole history, for the demo).
 */
package cn.zugong.people;
