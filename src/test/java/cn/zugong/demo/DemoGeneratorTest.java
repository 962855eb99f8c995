package cn.zugong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zugong.demo.internal.DemoGenerator;
import cn.zugong.demo.internal.DemoSpec;
import cn.zugong.demo.internal.DemoUnit;
import cn.zugong.org.DivisionFile;
import cn.zugong.org.NewPartyOrg;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.PersonRow;
import cn.zugong.shared.IdNumbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator alone: determinism and believable distributions, without Spring or a database. */
class DemoGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final long SEED = 20261123L;

    private static Data zhoushan;

    /** Everything one generator run produces, with unit ids standing in for database ids. */
    record Data(List<DemoUnit> units, List<NewPartyOrg> orgs, List<PersonRow> people, List<PartyMemberRow> village,
                List<PartyMemberRow> rosterMembers) {

        String hash() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (List<?> list : List.of(units, orgs, people, village, rosterMembers)) {
                for (Object row : list) {
                    digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static Data generate(long seed, boolean province, int rows) {
        var divisions = DivisionFile.provinceAnd(province ? "33" : "3309");
        var generator = new DemoGenerator(new DemoSpec(seed, AS_OF, province, rows), divisions);
        List<DemoUnit> units = generator.units();
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            ids.put(units.get(i).code(), (long) i);
        }
        List<NewPartyOrg> orgs = generator.partyOrgs();
        Map<String, Long> orgIds = new HashMap<>();
        for (int i = 0; i < orgs.size(); i++) {
            orgIds.put(orgs.get(i).code(), 100_000L + i);
        }
        List<PersonRow> people = new ArrayList<>();
        List<PartyMemberRow> rosterMembers = new ArrayList<>();
        generator.people(ids::get, 10_000, chunk -> chunk.forEach(p -> {
            PersonRow saved = p.withId(people.size() + 1);
            people.add(saved);
            PartyMemberRow m = generator.rosterMember(saved,
                    orgIds.get(DemoGenerator.branchCode(units.get((int) p.unitId()).code())));
            if (m != null) {
                rosterMembers.add(m);
            }
        }));
        return new Data(units, orgs, people, generator.villageMembers(orgIds::get), rosterMembers);
    }

    @BeforeAll
    static void generateZhoushan() {
        zhoushan = generate(SEED, false, DemoSpec.CITY_ROWS);
    }

    @Test
    void sameSeedGivesIdenticalDataAndAnotherSeedDifferentData() throws Exception {
        assertThat(generate(SEED, false, DemoSpec.CITY_ROWS).hash()).isEqualTo(zhoushan.hash());
        assertThat(generate(SEED + 1, false, DemoSpec.CITY_ROWS).hash()).isNotEqualTo(zhoushan.hash());
    }

    @Test
    void unitsAndEstablishment() {
        List<DemoUnit> units = zhoushan.units();
        assertThat(units).hasSizeBetween(230, 270);
        assertThat(units.stream().map(DemoUnit::code).distinct().count()).isEqualTo(units.size());
        assertThat(units).anySatisfy(u -> {
            assertThat(u.code()).isEqualTo("3309U02");
            assertThat(u.unit().name()).isEqualTo("市委组织部");
        });
        assertThat(units).anySatisfy(u -> {
            assertThat(u.code()).isEqualTo("330902U02");
            assertThat(u.unit().name()).isEqualTo("定海区委组织部");
        });
        assertThat(units).filteredOn(u -> u.unit().name().equals("定海区教育局")).hasSize(1);
        assertThat(units).filteredOn(u -> u.tier().equals("乡镇")).hasSize(36);
        Map<Integer, Long> actual = count(zhoushan.people(), p -> true);
        int vacant = 0;
        int over = 0;
        int normal = 0;
        for (int i = 0; i < units.size(); i++) {
            long authorized = units.get(i).unit().authorizedHeadcount();
            long people = actual.getOrDefault(i, 0L);
            double fill = people / (double) authorized;
            vacant += fill < 0.85 ? 1 : 0;
            if (people > authorized) {
                over++;
                assertThat(people - authorized).as("超编 of " + units.get(i).code()).isBetween(1L, 3L);
            }
            normal += fill >= 0.85 && fill <= 1 ? 1 : 0;
        }
        System.out.printf("zhoushan: units 85-100%% filled %d, more than 15%% vacant %d, over 编制 %d%n", normal, vacant,
                over);
        assertThat(vacant).as("units more than 15%% vacant").isBetween(5, units.size() / 6);
        assertThat(over).as("overstaffed units").isBetween(3, 8);
        assertThat(normal).as("units 0-15%% vacant").isGreaterThan(units.size() * 3 / 4);
        assertThat(units).allSatisfy(u -> assertThat(u.unit().quotas()).isNotEmpty());
    }

    @Test
    void peopleDistributions() {
        List<PersonRow> people = zhoushan.people();
        System.out.printf("zhoushan: %d units, %d people, under 35 %.3f, men %.3f, 研究生 %.3f, 本科 %.3f, 专科 %.3f, "
                        + "中共党员 %.3f, leaders %.3f, 考录 %.3f, 选调生 %.3f, 军转 %.3f, training>=90 %.3f, village members %d%n",
                zhoushan.units().size(), people.size(), share(people, p -> age(p) < 35),
                share(people, p -> p.gender().equals("男")), share(people, p -> p.ftEducation().equals("研究生")),
                share(people, p -> p.ftEducation().equals("大学本科")), share(people, p -> p.ftEducation().equals("大学专科")),
                share(people, p -> p.politicalStatus().equals("中共党员")), share(people, p -> p.postLevel() != null),
                share(people, p -> p.source().equals("考录")), share(people, p -> p.source().equals("选调生")),
                share(people, p -> p.source().equals("军转")),
                share(people, p -> p.trainingHours().values().iterator().next().doubleValue() >= 90),
                zhoushan.village().size());
        assertThat(people).hasSizeBetween(8_500, 9_500);
        assertThat(share(people, p -> age(p) < 35)).isBetween(0.18, 0.32);
        assertThat(share(people, p -> age(p) >= 22 && age(p) <= 62)).isEqualTo(1.0);
        assertThat(share(people, p -> p.gender().equals("男"))).isBetween(0.53, 0.63);
        assertThat(share(people, p -> p.ftEducation().equals("研究生"))).isBetween(0.10, 0.15);
        assertThat(share(people, p -> p.ftEducation().equals("大学本科"))).isBetween(0.64, 0.76);
        assertThat(share(people, p -> p.ftEducation().equals("大学专科"))).isBetween(0.08, 0.16);
        assertThat(share(people, p -> p.ethnicity().equals("汉族"))).isBetween(0.96, 0.995);
        assertThat(share(people, p -> p.politicalStatus().equals("中共党员"))).isBetween(0.70, 0.80);
        assertThat(share(people, p -> p.staffKind().equals("公务员"))).isBetween(0.80, 0.90);
        assertThat(share(people, p -> p.postLevel() != null)).isBetween(0.18, 0.27);
        assertThat(share(people, p -> p.source().equals("考录"))).isBetween(0.58, 0.72);
        assertThat(share(people, p -> p.source().equals("军转"))).isBetween(0.05, 0.12);
        assertThat(share(people, p -> p.source().equals("选调生"))).isBetween(0.05, 0.11);
        assertThat(share(people, p -> p.probationEnd() != null)).isBetween(0.02, 0.06);
        assertThat(people).allSatisfy(p -> {
            assertThat(ChronoUnit.YEARS.between(p.birthDate(), p.workStartDate())).isGreaterThanOrEqualTo(21);
            assertThat(p.joinedUnitDate()).isAfterOrEqualTo(p.workStartDate()).isBeforeOrEqualTo(AS_OF);
            assertThat(p.phone()).matches("1[3-9]\\d{9}");
            if (p.ftEducation().equals("研究生")) {
                assertThat(p.ftDegree()).isIn("硕士", "博士");
            }
            if (p.probationEnd() != null) {
                assertThat(p.probationEnd()).isEqualTo(p.workStartDate().plusYears(1));
            }
        });
        List<String> results = people.stream().flatMap(p -> p.assessments().values().stream()).toList();
        double excellent = results.stream().filter("优秀"::equals).count() / (double) results.size();
        System.out.printf("zhoushan: 优秀 %.3f of %d assessments%n", excellent, results.size());
        assertThat(excellent).isBetween(0.14, 0.20);
        assertThat(results.stream().filter("基本称职"::equals).count() / (double) results.size()).isBetween(0.003, 0.015);
        assertThat(share(people, p -> p.trainingHours().values().iterator().next().doubleValue() >= 90))
                .isBetween(0.88, 0.98);
        // a 嘉奖 follows most 优秀 results, so about a third of the people had one in three years
        assertThat(share(people, p -> !p.rewards().isEmpty())).isBetween(0.25, 0.45);
        assertThat(share(people, p -> !p.disciplines().isEmpty())).isBetween(0.002, 0.012);
    }

    @Test
    void unitsDifferSoTheHealthCheckShowsEveryColour() {
        Map<Integer, Long> size = count(zhoushan.people(), p -> true);
        Map<Integer, Long> young = count(zhoushan.people(), p -> age(p) < 35);
        Map<Integer, Long> postgrad = count(zhoushan.people(), p -> p.ftEducation().equals("研究生"));
        Map<Integer, Long> stale = count(zhoushan.people(),
                p -> p.joinedUnitDate().isBefore(AS_OF.minusYears(10)));
        Map<Integer, Long> lowTraining = count(zhoushan.people(),
                p -> p.trainingHours().values().iterator().next().doubleValue() < 90);
        List<Integer> big = size.entrySet().stream().filter(e -> e.getValue() >= 20).map(Map.Entry::getKey).toList();
        // ordinary units differ mildly; the few troubled ones are aged, stale and short of training
        assertThat(big.stream().filter(u -> young.getOrDefault(u, 0L) < 0.1 * size.get(u))).hasSizeBetween(3, 15);
        assertThat(big.stream().filter(u -> young.getOrDefault(u, 0L) > 0.3 * size.get(u))).hasSizeGreaterThan(5);
        assertThat(big.stream().filter(u -> postgrad.getOrDefault(u, 0L) < 0.05 * size.get(u))).hasSizeGreaterThan(3);
        assertThat(big.stream().filter(u -> stale.getOrDefault(u, 0L) > 0.4 * size.get(u))).hasSizeBetween(3, 10);
        assertThat(big.stream().filter(u -> lowTraining.getOrDefault(u, 0L) > 0.25 * size.get(u))).hasSizeBetween(3, 8);
        assertThat(big.stream().filter(u -> lowTraining.getOrDefault(u, 0L) < 0.1 * size.get(u)))
                .hasSizeGreaterThan(big.size() * 3 / 4);
    }

    @Test
    void idNumbersAreValidAndUniqueAcrossRosterAndVillages() {
        Set<String> seen = new HashSet<>();
        for (PersonRow p : zhoushan.people()) {
            assertThat(IdNumbers.problem(p.idNumber())).as(p.idNumber()).isEmpty();
            assertThat(IdNumbers.birthDate(p.idNumber())).contains(p.birthDate());
            assertThat((p.idNumber().charAt(16) - '0') % 2 == 1).isEqualTo(p.gender().equals("男"));
            assertThat(seen.add(p.idNumber())).as("unique " + p.idNumber()).isTrue();
        }
        for (PartyMemberRow m : zhoushan.village()) {
            assertThat(IdNumbers.problem(m.idNumber())).isEmpty();
            assertThat(seen.add(m.idNumber())).as("unique " + m.idNumber()).isTrue();
        }
    }

    @Test
    void partyOrganisationsAndMembers() {
        Map<String, NewPartyOrg> orgs = zhoushan.orgs().stream()
                .collect(Collectors.toMap(NewPartyOrg::code, o -> o));
        assertThat(orgs).containsKeys("3309U02P1", "330902002P1");
        assertThat(orgs.values()).noneMatch(o -> o.name().contains("村村"));
        assertThat(orgs.values().stream().filter(o -> o.parentCode().matches("\\d{12}"))).hasSize(428);
        long partyPeople = zhoushan.people().stream()
                .filter(p -> p.politicalStatus().startsWith("中共")).count();
        assertThat(zhoushan.rosterMembers()).hasSize((int) partyPeople);
        assertThat(zhoushan.village().size()).isBetween(428 * 10, 428 * 40);
        double mobile = zhoushan.village().stream().filter(PartyMemberRow::mobile).count()
                / (double) zhoushan.village().size();
        assertThat(mobile).isBetween(0.05, 0.08);
        assertThat(zhoushan.village()).allSatisfy(m -> assertThat(m.joinedPartyDate()).isAfter(m.birthDate()));
    }

    @Test
    void provinceScaleSpreadsUnitsOverEveryCity() {
        Data province = generate(SEED, true, 20_000);
        assertThat(province.units()).hasSizeBetween(9_000, 11_000);
        Set<String> cities = province.units().stream().map(u -> u.code().substring(0, 4)).collect(Collectors.toSet());
        assertThat(cities).hasSize(11);
        assertThat(province.people()).hasSizeBetween(19_000, 35_000);
        assertThat(province.village()).isEmpty();
        assertThat(province.units()).filteredOn(u -> u.unit().name().equals("定海区教育局")).hasSize(1);
    }

    private static double age(PersonRow p) {
        return ChronoUnit.DAYS.between(p.birthDate(), AS_OF) / 365.25;
    }

    private static double share(List<PersonRow> people, Predicate<PersonRow> test) {
        return people.stream().filter(test).count() / (double) people.size();
    }

    private static Map<Integer, Long> count(List<PersonRow> people, Predicate<PersonRow> test) {
        return people.stream().filter(test).collect(Collectors.groupingBy(p -> (int) p.unitId(), Collectors.counting()));
    }
}
