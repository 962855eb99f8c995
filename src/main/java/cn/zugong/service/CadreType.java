package cn.zugong.service;

/** The three kinds of service cadre named in the seeds. */
public enum CadreType {
    FIVE_BATCHES("五个一批"),
    WARM_ENTERPRISE("暖企专员"),
    FIRST_SECRETARY("第一书记");

    private final String label;

    CadreType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
