package cn.zugong.people.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Tests start each account's whole-ID-search allowance afresh (the shared context keeps it across classes). */
final class IdLookupsFixture {

    private IdLookupsFixture() {
    }

    static void forget(JdbcClient jdbc, String... usernames) {
        for (String username : usernames) {
            jdbc.sql("delete from person_id_lookup where actor = :actor").param("actor", username).update();
        }
    }
}
