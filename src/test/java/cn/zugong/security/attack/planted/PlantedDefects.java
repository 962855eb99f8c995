package cn.zugong.security.attack.planted;

import cn.zugong.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Deliberate holes, in the test sources only, under {@value #PAGES} and {@value #API} (prefixes the attack suite's
 * main pass leaves out): {@code AttackSuiteIT.plantedDefectsAreEachCaught} runs each check of the suite over these
 * routes and demands that it catches its defect. Nothing here is reachable outside the tests.
 */
@RestController
public class PlantedDefects {

    public static final String PAGES = "/attack-planted";
    public static final String API = "/api/attack-planted";

    private final JdbcClient jdbc;

    PlantedDefects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An unguarded write: any caller renames any unit, 普陀 included, and is sent back with a 302. */
    @PostMapping(PAGES + "/units/{id}/rename")
    org.springframework.http.ResponseEntity<Void> rename(@PathVariable long id, @RequestParam String name) {
        jdbc.sql("update org_node set name = name || '' where id = :id").param("id", id).update();
        jdbc.sql("update org_node set sort_order = sort_order + 1 where id = :id").param("id", id).update();
        return org.springframework.http.ResponseEntity.status(302).header("Location", "/org/nodes/" + id).build();
    }

    /** A person by id without a scope check. */
    @GetMapping(PAGES + "/people/{id}")
    Map<String, Object> person(@PathVariable long id) {
        return jdbc.sql("select id, name from person where id = :id").param("id", id).query().singleRow();
    }

    /** An id of a kind nobody declared. */
    @GetMapping(PAGES + "/widgets/{widgetId}")
    String widget(@PathVariable long widgetId) {
        return "widget " + widgetId;
    }

    /** An upload that answers the scope's 404 before the file is ever read. */
    @PostMapping(PAGES + "/import")
    String upload(@RequestParam(required = false) MultipartFile file) {
        throw new NotFoundException("没有找到该单位");
    }

    /** The masked ID number beside the full birth date, for every role (the home probe person's). */
    @GetMapping(API + "/people")
    Map<String, Object> people() {
        String id = cn.zugong.shared.IdNumbers.of("330902", java.time.LocalDate.of(1977, 7, 7), 775);
        return Map.of("items", List.of(Map.of("id", 1, "birthDate", "1977-07-07", "gender", "男",
                "idNumberMasked", cn.zugong.shared.Masking.idNumber(id))));
    }
}
