package cn.zugong.cadre;

import cn.zugong.cadre.FrontlineForms.CadresForm;
import cn.zugong.cadre.FrontlineForms.CampaignForm;
import cn.zugong.cadre.FrontlineForms.OutcomeForm;
import cn.zugong.cadre.FrontlineForms.RecordForm;
import cn.zugong.cadre.FrontlineForms.TeamForm;
import cn.zugong.cadre.internal.frontline.FrontlineService;
import cn.zugong.shared.CurrentUser;
import cn.zugong.shared.OrgScope;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 一线考察 for other modules and the demo (ADR 075): the same writes the pages make, with the same rules, access and
 * audit; {@link #count} tells whether a scope has campaigns already.
 */
@Service
public class FrontlineCampaigns {

    private final FrontlineService service;
    private final JdbcClient jdbc;

    FrontlineCampaigns(FrontlineService service, JdbcClient jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    public long count(OrgScope scope) {
        return jdbc.sql("select count(*) from frontline_campaign c join org_node n on n.id = c.node_id "
                + "where n.path like :sp").param("sp", scope.pathPattern()).query(Long.class).single();
    }

    public long create(CurrentUser user, CampaignForm form) {
        return service.create(user, form);
    }

    public long addTeam(CurrentUser user, long campaignId, TeamForm form) {
        return service.addTeam(user, campaignId, form);
    }

    public int addCadres(CurrentUser user, long campaignId, CadresForm form) {
        return service.addCadres(user, campaignId, form);
    }

    /** An on-site record without photos (photos come through the phone page). */
    public long record(CurrentUser user, long campaignId, RecordForm form) {
        return service.record(user, campaignId, form, List.of());
    }

    public void outcome(CurrentUser user, long campaignId, OutcomeForm form) {
        service.outcome(user, campaignId, form);
    }

    public void close(CurrentUser user, long campaignId) {
        service.close(user, campaignId);
    }

    /** The campaign's rating dimensions in their order. */
    public List<String> dimensions(long campaignId) {
        String text = jdbc.sql("select dimensions from frontline_campaign where id = :c").param("c", campaignId)
                .query(String.class).single();
        return java.util.Arrays.stream(text.split("\\|")).filter(s -> !s.isBlank()).toList();
    }

    /** The id of a cadre row of the campaign (the record form names the row, the outcome form the person). */
    public long cadreRow(long campaignId, long personId) {
        return jdbc.sql("select id from frontline_cadre where campaign_id = :c and person_id = :p")
                .param("c", campaignId).param("p", personId).query(Long.class).single();
    }
}
