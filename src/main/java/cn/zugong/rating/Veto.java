package cn.zugong.rating;

/** An 一票否决 item: when recorded against an organisation (with the reason), it gets no star that year. */
public record Veto(String code, String name) {
}
