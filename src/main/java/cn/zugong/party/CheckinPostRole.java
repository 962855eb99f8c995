package cn.zugong.party;

/** The part a reported member plays on a post: 村情民意调研员, 乡村振兴指导员, 方针政策宣传员. */
public enum CheckinPostRole {
    SURVEYOR("调研员"),
    ADVISER("指导员"),
    PROMOTER("宣传员");

    private final String label;

    CheckinPostRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
