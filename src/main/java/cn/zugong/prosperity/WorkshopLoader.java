package cn.zugong.prosperity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Batch writes of 共富工坊, ledger months, 百企联百村 pairs and 强村公司 for loaders (the demo): no scope or role
 * (the caller is the platform itself), values checked as the pages check them, every batch in one transaction.
 */
public interface WorkshopLoader {

    /** Whether any workshop exists (loaders skip when it does). */
    boolean hasWorkshops();

    /** An enterprise by its 统一社会信用代码 (checked). */
    record Enterprise(String name, String creditCode) {
    }

    /** A workshop of a township or village node serving {@code villageIds}, run by {@code runners}. */
    record NewWorkshop(String name, long nodeId, String typeCode, String products, LocalDate startedOn,
                       boolean provincialModel, List<Long> villageIds, List<Enterprise> runners) {
    }

    record LedgerMonth(long workshopId, YearMonth month, int employed, int lowIncome, BigDecimal wages,
                       BigDecimal sales, BigDecimal collectiveIncome) {
    }

    record NewPair(Enterprise enterprise, long villageId, LocalDate since, String content) {
    }

    record NewCompany(String name, long countyId, BigDecimal registeredCapital, LocalDate foundedOn,
                      Map<Long, BigDecimal> sharesByVillage, Map<Integer, BigDecimal> revenueByYear) {
    }

    /** The new workshops' ids, in order. */
    List<Long> addWorkshops(List<NewWorkshop> workshops, String by);

    void addLedger(List<LedgerMonth> months, String by);

    void addPairs(List<NewPair> pairs, String by);

    void addCompanies(List<NewCompany> companies, String by);
}
