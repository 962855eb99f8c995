package cn.zugong.people.internal;

import cn.zugong.org.NodeFigure;
import cn.zugong.org.NodeFigures;
import cn.zugong.org.OrgNode;
import java.util.List;
import org.springframework.stereotype.Component;

/** Head-counts on the node page: civil servants, party members and 流动党员 under the node. */
@Component
class PeopleFigures implements NodeFigures {

    private final PersonRepository repository;

    PeopleFigures(PersonRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<NodeFigure> figuresFor(OrgNode node) {
        var scope = node.asScope();
        return List.of(
                new NodeFigure("公务员（含参公）", repository.countPeople(scope), "/people?nodeId=" + node.id()),
                new NodeFigure("党员", repository.countPartyMembers(scope, false), "/party-members?nodeId=" + node.id()),
                new NodeFigure("流动党员", repository.countPartyMembers(scope, true),
                        "/party-members?mobile=true&nodeId=" + node.id()));
    }
}
