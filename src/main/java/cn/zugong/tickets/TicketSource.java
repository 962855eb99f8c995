package cn.zugong.tickets;

import java.util.Arrays;
import java.util.Optional;

/** Where a problem came from. */
public enum TicketSource {
    VISIT("走访"),
    HOTLINE("12345热线"),
    MEETING("会议"),
    LETTER("来信来访"),
    OTHER("其他"),
    /** 人才诉求: raised by a talent on the own page, or by the 人才办 for an employer (talent module). */
    TALENT("人才");

    private final String label;

    TicketSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<TicketSource> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.strip())).findFirst();
    }
}
