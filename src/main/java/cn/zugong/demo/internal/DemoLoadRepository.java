package cn.zugong.demo.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The demo module's own table: one row per loaded data set. */
@Repository
class DemoLoadRepository {

    private final JdbcClient jdbc;

    DemoLoadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> loadedNames() {
        return jdbc.sql("select name from demo_load order by loaded_at").query(String.class).list();
    }

    void markLoaded(String name, long seed) {
        jdbc.sql("insert into demo_load (name, seed) values (:name, :seed)").param("name", name).param("seed", seed)
                .update();
    }
}
