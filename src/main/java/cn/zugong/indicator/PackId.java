package cn.zugong.indicator;

/** An indicator pack's code and version: {@code healthcheck-v1} is the file packs/healthcheck-v1.yaml. */
public record PackId(String code, int version) {

    public static PackId parse(String text) {
        int at = text.lastIndexOf("-v");
        if (at <= 0) {
            throw new IllegalArgumentException("pack id must look like code-vN: " + text);
        }
        return new PackId(text.substring(0, at), Integer.parseInt(text.substring(at + 2)));
    }

    @Override
    public String toString() {
        return code + "-v" + version;
    }
}
