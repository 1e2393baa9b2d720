package ppvchat.metering.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import ppvchat.ledger.control.CreditsChanged;

/** Keeps running meters told of what their user can still spend: a top-up lets a show go on. */
@ApplicationScoped
public class MeterTopUps {

    @Inject
    Meters meters;

    void onCreditsChanged(@Observes CreditsChanged change) {
        meters.all().stream()
                .filter(show -> show.meter().userId() == change.userId())
                .forEach(show -> show.meter().spare(change.available()));
    }
}
