package cn.zugong.deliberation;

import cn.zugong.deliberation.internal.ClosureBridge;
import cn.zugong.deliberation.internal.DeliberationRepository;
import cn.zugong.shared.CurrentUser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Matters and sittings whose year so far is already known — registered, classified, deliberated and carried out
 * on the dates they had — written by the module itself (the public {@link Matters} and {@link Meetings} act
 * on today). Used by the demo.
 */
@Service
public class DeliberationHistory {

    /** A matter as registered; {@code phoneMasked} is kept without its cipher (demo residents have no phone). */
    public record Registered(long communityNodeId, String title, String description, String raisedBy,
                             String phoneMasked, String grid, LocalDate raisedOn, String evidence, String registeredBy,
                             LocalDateTime registeredAt) {
    }

    private final DeliberationRepository repository;
    private final ClosureBridge bridge;

    DeliberationHistory(DeliberationRepository repository, ClosureBridge bridge) {
        this.repository = repository;
        this.bridge = bridge;
    }

    /** Whether matters registered by {@code registeredBy} exist. */
    public boolean written(String registeredBy) {
        return repository.demoLoaded(registeredBy);
    }

    /** Registers a pending matter; returns its id. */
    public long register(Registered m) {
        return repository.insertMatter(new DeliberationRepository.MatterRow(m.communityNodeId(), m.title(),
                m.description(), m.raisedBy(), null, m.phoneMasked(), m.grid(), m.raisedOn(), m.evidence(), null,
                MatterStatus.PENDING, m.registeredBy(), m.registeredAt()));
    }

    /** Classifies a pending matter (三事归类单) and routes it to its level. */
    public void classify(long matterId, MatterKind kind, String reason, String by, String byName, LocalDateTime at) {
        repository.classify(matterId, kind, MatterStatus.PENDING);
        repository.insertClassification(matterId, kind, null, reason, by, byName, at);
    }

    /** A sitting held on {@code date} (its regular date {@code slot}); returns its id. */
    public long hold(long communityId, MeetingLevel level, LocalDate date, LocalDate slot, String place,
                     String attendees, String by, LocalDateTime scheduledAt, LocalDateTime heldAt) {
        long id = repository.insertMeeting(communityId, level, date, slot, place, by, scheduledAt);
        repository.hold(id, attendees, by, heldAt);
        return id;
    }

    /** Records the outcome of a matter at a sitting: decided, or carried over to the next one. */
    public void record(long meetingId, Outcome outcome, String by, LocalDateTime at) {
        repository.insertOutcomes(meetingId, List.of(outcome), by, at);
        if (outcome.decided()) {
            repository.decide(List.of(outcome));
        } else {
            repository.carry(List.of(outcome.matterId()));
        }
    }

    /** Puts the sitting's decided matters on the closure workflow; returns their closure item ids by matter id. */
    public Map<Long, Long> carryOut(long meetingId, List<Map.Entry<Matter, Outcome>> decided, CurrentUser by) {
        return bridge.carryOut(repository.meeting(meetingId).orElseThrow(), decided, by);
    }
}
