package cn.zugong.demo.internal;

import static cn.zugong.demo.internal.UnitProfile.between;

import cn.zugong.org.Division;
import cn.zugong.org.NewPartyOrg;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.PersonRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/** Party organisations of units, townships and villages, and their members. */
final class PartyFactory {

    static final int COMMITTEE_SIZE = 40;
    private static final List<String> DESTINATIONS = List.of("杭州市", "宁波市", "上海市", "广东省深圳市", "江苏省苏州市",
            "广东省广州市", "北京市");

    private final Identities identities;
    private final LocalDate asOf;

    PartyFactory(Identities identities, LocalDate asOf) {
        this.identities = identities;
        this.asOf = asOf;
    }

    static String branchCode(String parentCode) {
        return parentCode + "P1";
    }

    static NewPartyOrg ofUnit(DemoUnit unit) {
        String base = unit.unit().name().replace("党委政府", "").replace("党工委办事处", "");
        boolean committee = unit.headcount() >= COMMITTEE_SIZE;
        return new NewPartyOrg(unit.code(), branchCode(unit.code()), base + (committee ? "机关党委" : "机关党支部"), 1,
                committee ? "党委" : "党支部");
    }

    static NewPartyOrg ofTownship(Division township) {
        return new NewPartyOrg(township.code(), branchCode(township.code()),
                township.name() + (township.name().endsWith("街道") ? "党工委" : "党委"), 0, "党委");
    }

    /** A village branch: a 党总支 from 30 members on. */
    static NewPartyOrg ofVillage(Division village, int members) {
        boolean general = members >= 30;
        return new NewPartyOrg(village.code(), branchCode(village.code()),
                villageName(village.name()) + (general ? "党总支" : "党支部"), 0, general ? "党总支" : "党支部");
    }

    static String villageName(String name) {
        if (name.endsWith("村委会")) {
            String base = name.substring(0, name.length() - 3);
            return base.endsWith("村") ? base : base + "村";
        }
        if (name.endsWith("社区居委会")) {
            return name.substring(0, name.length() - 3);
        }
        if (name.endsWith("居委会")) {
            return name.substring(0, name.length() - 3) + "社区";
        }
        return name;
    }

    /** The members of one village branch; an older profile and some 流动党员. */
    List<PartyMemberRow> villageMembers(Division village, String county, int count, long branchId, SplittableRandom r) {
        List<PartyMemberRow> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean male = r.nextDouble() < 0.7;
            double age = r.nextDouble() < 0.45 ? between(r, 60, 88) : between(r, 24, 60);
            LocalDate birth = asOf.minusDays(Math.round(age * 365.25));
            boolean probationary = age < 40 && r.nextDouble() < 0.08;
            LocalDate joined = probationary ? asOf.minusDays(30 + r.nextInt(300))
                    : birth.plusDays(Math.round(between(r, 19, Math.min(age - 1.5, 45)) * 365.25));
            boolean mobile = age < 58 && r.nextDouble() < 0.13;
            members.add(new PartyMemberRow(branchId, null, identities.name(r, male), male ? "男" : "女", birth,
                    identities.idNumber(county, birth, male), identities.phone(r), joined,
                    probationary ? "预备党员" : "正式党员", mobile,
                    mobile ? DESTINATIONS.get(r.nextInt(DESTINATIONS.size())) : null));
        }
        return members;
    }

    /** The party membership of a roster person who is a 中共党员 or 中共预备党员. */
    PartyMemberRow rosterMember(PersonRow p, long branchId, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ p.idNumber().hashCode() * 0x9E3779B97F4A7C15L);
        boolean probationary = p.politicalStatus().equals("中共预备党员");
        double age = (asOf.toEpochDay() - p.birthDate().toEpochDay()) / 365.25;
        LocalDate joined = probationary ? asOf.minusDays(30 + r.nextInt(300))
                : p.birthDate().plusDays(Math.round(between(r, 19, Math.max(19.5, Math.min(age - 1.2, 40))) * 365.25));
        return new PartyMemberRow(branchId, p.id(), p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(),
                joined, probationary ? "预备党员" : "正式党员", false, null);
    }

    static boolean isMember(PersonRow p) {
        return p.politicalStatus().equals("中共党员") || p.politicalStatus().equals("中共预备党员");
    }
}
