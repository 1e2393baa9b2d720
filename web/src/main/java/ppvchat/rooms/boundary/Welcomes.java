package ppvchat.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ppvchat.chat.boundary.ChatLine;
import ppvchat.photos.boundary.PhotoLinks;
import ppvchat.realtime.Connection;
import ppvchat.realtime.Fanout;
import ppvchat.realtime.ServerMessage;
import ppvchat.realtime.WireFormat;

/** The wire form of what the rooms boundary says: the welcome on arrival and the chat lines. */
@ApplicationScoped
public class Welcomes {

    @Inject
    Fanout fanout;

    public ServerMessage.Welcome of(Connection connection, Arrival arrival) {
        return new ServerMessage.Welcome(
                WireFormat.VERSION,
                new ServerMessage.Person(
                        connection.userId(),
                        connection.who().username(),
                        connection.role().name()),
                arrival.part().name(),
                new ServerMessage.Room(
                        arrival.performerId(),
                        arrival.performerUserId(),
                        arrival.performerName(),
                        arrival.ratePerMinute(),
                        arrival.status().name()),
                arrival.show() == null ? null : arrival.show().showId(),
                arrival.show() == null
                        ? null
                        : new ServerMessage.Show(
                                arrival.show().showId(),
                                arrival.show().userId(),
                                arrival.show().ratePerMinute(),
                                arrival.show().freeSeconds(),
                                arrival.show().rounding(),
                                arrival.show().elapsedSeconds()),
                new ServerMessage.Money(arrival.credits(), arrival.available()),
                fanout.watcherCount(connection.where().webmasterId(), arrival.performerId()),
                arrival.watchers().stream()
                        .map(p -> new ServerMessage.Person(
                                p.userId(), p.username(), p.role().name()))
                        .toList(),
                arrival.requests().stream()
                        .map(r -> new ServerMessage.Request(
                                r.showId(),
                                new ServerMessage.Person(
                                        r.userId(), r.username(), r.role().name()),
                                r.ratePerMinute(),
                                r.requestedAt()))
                        .toList(),
                arrival.history().stream()
                        .map(line -> chat(connection.where().webmasterId(), line))
                        .toList(),
                arrival.iceServers().stream()
                        .map(ice -> new ServerMessage.Ice(ice.urls(), ice.username(), ice.credential()))
                        .toList());
    }

    public static ServerMessage.Chat chat(long webmasterId, ChatLine line) {
        return new ServerMessage.Chat(
                line.id(),
                new ServerMessage.Person(
                        line.userId(), line.username(), line.role().name()),
                line.text(),
                line.at(),
                line.showId(),
                line.isPhoto()
                        ? new ServerMessage.Photo(
                                PhotoLinks.path(webmasterId, line.photo().id()),
                                line.photo().width(),
                                line.photo().height())
                        : null);
    }
}
