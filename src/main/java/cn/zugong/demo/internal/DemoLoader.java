package cn.zugong.demo.internal;

import cn.zugong.org.DivisionFile;
import cn.zugong.org.NewUnit;
import cn.zugong.org.OrgBuilder;
import cn.zugong.org.OrgNode;
import cn.zugong.org.OrgTree;
import cn.zugong.people.PartyMemberRow;
import cn.zugong.people.PersonRow;
import cn.zugong.people.RosterWriter;
import cn.zugong.security.Accounts;
import cn.zugong.security.NewAccount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the demo through the modules' public APIs, in one explicit sequence, after the divisions (order 10) and
 * before the admin bootstrap (30): 1 the roster (org units, party organisations, people) and 2 the accounts — the
 * Zhoushan city in one transaction, the province benchmark set chunk by chunk, once, and never a second set on
 * top of another — then 3 the two 数字体检 evaluations, 4 亮灯台, 5 service cadres and their visits, 6 三事分流
 * and 7 the 问题清单 tickets (some point to step 5's visits), last because its closing run of the 督办 job
 * escalates whatever is overdue on the closure workflow, 三事分流 matters included. Steps 3–7 each skip what is
 * already there, so a database loaded by an earlier version gains what was added since. With
 * {@code zugong.demo.exit-after-load} it loads steps 1–2 only, prints one {@code generate ...} line and exits
 * (bench/generate.sh).
 * <p>
 * The application refuses traffic while it loads (readiness DOWN, the login page says 演示数据加载中, ADR 047). At
 * start-up Spring Boot accepts traffic only after every runner, this one included; when run again on a ready
 * application, it refuses traffic for the time it runs and accepts it again afterwards.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "zugong.demo.enabled", havingValue = "true")
public class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final int CHUNK = 10_000;

    private final OrgBuilder orgBuilder;
    private final OrgTree orgTree;
    private final RosterWriter roster;
    private final Accounts accounts;
    private final DemoLoadRepository loads;
    private final TransactionTemplate tx;
    private final DemoBanner banner;
    private final ConfigurableApplicationContext context;
    private final DemoSpec spec;
    private final DemoEvaluations evaluations;
    private final LightingDemo lighting;
    private final ServiceDemo service;
    private final TicketDemo tickets;
    private final DeliberationDemo deliberation;
    private final TalentDemo talent;
    private final TalentServicesDemo talentServices;
    private final TalentDirectoryDemo talentDirectory;
    private final TalentCodeDemo talentCodes;
    private final TalentSupportDemo talentSupport;
    private final TalentRecognitionDemo talentRecognition;
    private final TalentGrantsDemo talentGrants;
    private final RatingDemo rating;
    private final RatingRoundsDemo ratingRounds;
    private final PublicEvaluationDemo publicEvaluation;
    private final List<DemoStep> steps;
    private final ApplicationAvailability availability;
    private final String password;
    private final boolean exitAfterLoad;

    DemoLoader(OrgBuilder orgBuilder, OrgTree orgTree, RosterWriter roster, Accounts accounts,
               DemoLoadRepository loads, PlatformTransactionManager transactions, DemoBanner banner,
               ConfigurableApplicationContext context, DemoEvaluations evaluations, LightingDemo lighting,
               ServiceDemo service, TicketDemo tickets, DeliberationDemo deliberation, TalentDemo talent,
               TalentDirectoryDemo talentDirectory, TalentCodeDemo talentCodes, TalentServicesDemo talentServices,
               TalentSupportDemo talentSupport, TalentRecognitionDemo talentRecognition, TalentGrantsDemo talentGrants,
               RatingDemo rating, RatingRoundsDemo ratingRounds, PublicEvaluationDemo publicEvaluation,
               List<DemoStep> steps, ApplicationAvailability availability,
               @Value("${zugong.demo.seed:20261123}") long seed,
               @Value("${zugong.demo.as-of:2026-11-01}") LocalDate asOf,
               @Value("${zugong.demo.scale:city}") String scale,
               @Value("${zugong.demo.rows:0}") int rows,
               @Value("${zugong.demo.password:Zugong@2026}") String password,
               @Value("${zugong.demo.exit-after-load:false}") boolean exitAfterLoad) {
        this.orgBuilder = orgBuilder;
        this.orgTree = orgTree;
        this.roster = roster;
        this.accounts = accounts;
        this.loads = loads;
        this.tx = new TransactionTemplate(transactions);
        this.banner = banner;
        this.context = context;
        this.evaluations = evaluations;
        this.lighting = lighting;
        this.service = service;
        this.tickets = tickets;
        this.deliberation = deliberation;
        this.talent = talent;
        this.talentServices = talentServices;
        this.talentDirectory = talentDirectory;
        this.talentCodes = talentCodes;
        this.talentSupport = talentSupport;
        this.talentRecognition = talentRecognition;
        this.talentGrants = talentGrants;
        this.rating = rating;
        this.ratingRounds = ratingRounds;
        this.publicEvaluation = publicEvaluation;
        this.steps = steps;
        this.availability = availability;
        boolean province = scale.equals("province");
        this.spec = new DemoSpec(seed, asOf, province,
                rows > 0 ? rows : province ? DemoSpec.PROVINCE_ROWS : DemoSpec.CITY_ROWS);
        this.password = password;
        this.exitAfterLoad = exitAfterLoad;
    }

    /** What one load wrote. */
    record Result(int units, long people, long partyMembers, long millis) {
    }

    @Override
    public void run(ApplicationArguments args) {
        ReadinessState before = availability.getReadinessState();
        AvailabilityChangeEvent.publish(context, this, ReadinessState.REFUSING_TRAFFIC);
        try {
            loadAll();
        } finally {
            // at start-up (REFUSING before) Spring Boot accepts traffic once the last runner is done
            if (before == ReadinessState.ACCEPTING_TRAFFIC) {
                AvailabilityChangeEvent.publish(context, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }

    private void loadAll() {
        Result result = null;
        DemoGenerator generator = new DemoGenerator(spec, DivisionFile.provinceAnd(spec.divisionPrefix()));
        List<String> loaded = loads.loadedNames();
        // the newer modules' steps build on the city demo's own organisations (its islands, villages, branches):
        // on another set (the province benchmark set under a test context) they have nothing to stand on
        boolean cityDemo = !spec.province() && (loaded.isEmpty() || loaded.contains(spec.name()));
        if (loaded.isEmpty()) {
            result = load(generator);
        } else if (!loaded.contains(spec.name())) {
            log.warn("Demo data set {} is already loaded; not loading '{}' on top of it", loaded, spec.name());
        } else {
            tx.executeWithoutResult(status -> createAccounts(generator)); // accounts added by a later version
        }
        if (!exitAfterLoad) {
            evaluations.load();
            lighting.load();
            service.load();
            deliberation.load();
            tickets.load();
            // the talents first, then their recognitions: codes, services and support read the levels
            talent.load();
            talentDirectory.load();
            talentRecognition.load();
            talentCodes.load();
            talentServices.load();
            talentSupport.load();
            talentGrants.load();
            // the 两新 organisations first: the rounds rate them with the villages, townships and units
            rating.load();
            ratingRounds.load();
            publicEvaluation.load();
            if (cityDemo) {
                steps.forEach(DemoStep::load); // in their @Order: 党员报到, 流动党员, 共富 …
            }
        }
        banner.print(DemoAccounts.of(generator), password);
        if (exitAfterLoad) {
            System.out.printf("generate rows=%d units=%d ms=%d%n", result == null ? 0 : result.people(),
                    result == null ? 0 : result.units(), result == null ? 0 : result.millis());
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    Result load(DemoGenerator generator) {
        if (orgTree.byCode(spec.province() ? "3301" : "3309").isEmpty()) {
            throw new IllegalStateException("The demo '" + spec.name() + "' needs the divisions under "
                    + spec.divisionPrefix() + ": set zugong.org.division-prefix=" + spec.divisionPrefix());
        }
        long start = System.nanoTime();
        log.info("Loading demo data set '{}' (seed {}, as of {}, {} roster rows)", spec.name(), spec.seed(),
                spec.asOf(), spec.rows());
        Result result = spec.province() ? write(generator, true)
                : tx.execute(status -> write(generator, false));
        result = new Result(result.units(), result.people(), result.partyMembers(),
                (System.nanoTime() - start) / 1_000_000);
        log.info("Loaded demo '{}': {} units, {} people, {} party members in {} ms", spec.name(), result.units(),
                result.people(), result.partyMembers(), result.millis());
        return result;
    }

    /** Writes everything; with {@code chunked} each step commits on its own (the province set). */
    private Result write(DemoGenerator generator, boolean chunked) {
        long start = System.nanoTime();
        List<NewUnit> units = generator.units().stream().map(DemoUnit::unit).toList();
        step(chunked, () -> {
            orgBuilder.addUnits(units);
            orgBuilder.addPartyOrgs(generator.partyOrgs());
        });
        Map<String, Long> unitIds = new HashMap<>();
        orgTree.unitsByCode(units.stream().map(NewUnit::code).toList()).forEach((code, n) -> unitIds.put(code, n.id()));
        Map<String, Long> branchIds = new HashMap<>();
        OrgNode root = orgTree.byCode("33").orElseThrow();
        orgTree.partyBranches(root.asScope()).forEach(n -> branchIds.put(n.code(), n.id()));
        Map<Long, Long> branchOfUnit = new HashMap<>();
        unitIds.forEach((code, id) -> branchOfUnit.put(id, branchIds.get(DemoGenerator.branchCode(code))));
        log.info("Wrote {} units and their party organisations in {} ms", units.size(),
                (System.nanoTime() - start) / 1_000_000);
        long[] counts = new long[2];
        DemoHistory history = new DemoHistory(spec, generator.units(), unitIds);
        generator.people(unitIds::get, CHUNK, chunk -> step(chunked, () -> {
            List<PartyMemberRow> members = new ArrayList<>();
            List<PersonRow> written = roster.saveHistories(history.of(chunk));
            for (PersonRow saved : written) {
                PartyMemberRow member = generator.rosterMember(saved, branchOfUnit.get(saved.unitId()));
                if (member != null) {
                    members.add(member);
                }
            }
            roster.addPartyMembers(members);
            counts[0] += written.size();
            counts[1] += members.size();
            if (chunked && counts[0] % 100_000 < chunk.size()) {
                log.info("... {} people", counts[0]);
            }
        }));
        step(chunked, () -> {
            List<PartyMemberRow> village = generator.villageMembers(branchIds::get);
            roster.addPartyMembers(village);
            counts[1] += village.size();
            createAccounts(generator);
            loads.markLoaded(spec.name(), spec.seed());
        });
        return new Result(units.size(), counts[0], counts[1], 0);
    }

    private void createAccounts(DemoGenerator generator) {
        for (DemoAccounts a : DemoAccounts.of(generator)) {
            if (!accounts.exists(a.username())) {
                long scope = orgTree.byCode(a.scopeCode()).orElseThrow().id();
                accounts.create(new NewAccount(a.username(), password, a.displayName(), a.role(), scope));
            }
        }
    }

    private void step(boolean chunked, Runnable work) {
        if (chunked) {
            tx.executeWithoutResult(status -> work.run());
        } else {
            work.run();
        }
    }
}
