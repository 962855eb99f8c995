package cn.zugong.party.mobile;

import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.shared.IdNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tests' own party members (in a village branch of the demo's org tree) and lists. Names and cities carry a run
 * tag, so a rerun on the same PostgreSQL database finds only its own rows; ID numbers are random valid ones of a
 * region outside the city (110101), so they never collide with the demo's.
 */
final class MobileFixtures {

    static final List<String> HEADERS = List.of("姓名", "身份证号", "流向省份", "流向城市", "区县", "工作单位", "联系电话");

    private final JdbcClient jdbc;
    private final RosterWriter roster;
    private final SplittableRandom random = new SplittableRandom(System.nanoTime());
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    MobileFixtures(JdbcClient jdbc, RosterWriter roster) {
        this.jdbc = jdbc;
        this.roster = roster;
    }

    /** The first village branch of a county (330902 定海's is inside dinghai's scope, 330903's inside putuo's). */
    long villageBranch(String countyCode) {
        return jdbc.sql("select b.id from org_node b join org_node v on v.id = b.parent_id where v.kind = 'VILLAGE' "
                        + "and b.kind = 'PARTY_ORG' and v.code like :c order by b.code")
                .param("c", countyCode + "%").query(Long.class).list().get(0);
    }

    /** A new party member of the branch: its id and ID number. */
    record Member(long id, String name, String idNumber) {
    }

    Member member(long branchId, String name) {
        String id = idNumber();
        String full = name + run;
        roster.addPartyMembers(List.of(new PartyMemberRow(branchId, null, full, "男", LocalDate.of(1990, 5, 1), id,
                null, LocalDate.of(2015, 7, 1), "正式党员", true, "测试城")));
        long memberId = jdbc.sql("select id from party_member where name = :n").param("n", full).query(Long.class)
                .single();
        return new Member(memberId, full, id);
    }

    String idNumber() {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(10_000));
        return IdNumbers.of("110101", birth, random.nextInt(999));
    }

    static byte[] sheet(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("名单");
            List<List<String>> all = new ArrayList<>();
            all.add(HEADERS);
            all.addAll(rows);
            for (int i = 0; i < all.size(); i++) {
                Row r = s.createRow(i);
                for (int j = 0; j < all.get(i).size(); j++) {
                    if (all.get(i).get(j) != null) {
                        r.createCell(j).setCellValue(all.get(i).get(j));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
