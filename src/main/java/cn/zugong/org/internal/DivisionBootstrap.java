package cn.zugong.org.internal;

import cn.zugong.org.DivisionFile;
import cn.zugong.org.OrgBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty database, loads the GB/T 2260 divisions under {@code zugong.org.division-prefix}
 * (default 3309 舟山市; 33 loads all of Zhejiang) with the province as root.
 */
@Component
@Order(10)
class DivisionBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DivisionBootstrap.class);

    private final OrgBuilder builder;
    private final String prefix;

    DivisionBootstrap(OrgBuilder builder, @Value("${zugong.org.division-prefix:3309}") String prefix) {
        this.builder = builder;
        this.prefix = prefix;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!builder.isEmpty()) {
            return;
        }
        var divisions = DivisionFile.provinceAnd(prefix);
        builder.addDivisions(divisions);
        log.info("Loaded {} administrative divisions under code {}", divisions.size(), prefix);
    }
}
