package org.sunbid.platform.auction.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletContext;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.AuctionError;
import org.sunbid.platform.auction.LiveAuctions;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.RoomSnapshot;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.parties.SignInCheck;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live room over one WebSocket per client ({@code GET /api/v1/auctions/{lotId}/socket}, upgraded): the room's
 * states pushed as they become durable (like {@code …/live}), and for a bidder signed in on the upgrade request (its
 * bearer token, or its session) bids as frames, each answered on the same socket once durable in the room's journal —
 * the same decision, the same server times and the same RFC 9457 refusal as {@code POST …/bids}, without a whole HTTP
 * request (headers, filters, a thread waiting for the fsync) per bid.
 *
 * <p>Frames, all JSON text:
 * <ul>
 *   <li>client → server: {@code {"amount":"12345.00","ref":"7"}} — {@code ref} optional, any string, echoed;</li>
 *   <li>server → client: {@code {"type":"accepted","ref":"7","seq":…}} (the members of the POST's 200 body),
 *       {@code {"type":"refused","ref":"7","problem":{…problem+json…}}}, and {@code {"type":"room",…}} (the room's
 *       public JSON, with {@code you} for a bidder) — unless the upgrade asked {@code ?room=false}, e.g. a bidding tool
 *       that follows the room elsewhere; {@code ?after=<version>} (a client reconnecting after the last state it saw)
 *       first replays every durable state since, in order, as {@code Last-Event-ID} does on {@code …/live}.</li>
 * </ul>
 * Nothing waits on a socket: answers and states go out by the container's asynchronous send, one at a time per socket
 * in order; a bidder's sign-in is asked again before every bid (a revoked or expired token, a disabled account or an
 * ended session gets {@code UNAUTHENTICATED} and the socket closes, 1008); while a send is pending, newer room states only replace the one waiting (a slow reader gets the newest
 * state next, never a backlog), while answers are all kept. A lot with no auction closes the socket at once (1008).
 */
@Component
class BidSocket {

    static final String PATH = "/api/v1/auctions/{lotId}/socket";
    private static final Logger log = LoggerFactory.getLogger(BidSocket.class);
    private static final int MAX_FRAME = 1024;
    /** Answers are sent from here once the journal's writer completes them (it goes on to its next fsync at once). */
    private static final Executor ACKS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "auction-socket-ack");
        t.setDaemon(true);
        return t;
    });

    private final LiveAuctions live;
    private final Problems problems;
    private final RefusalJson refusals;
    private final JsonMapper json;
    private final Clock clock;
    private final SignInCheck signIns;

    BidSocket(Optional<ServletContext> servletContext, LiveAuctions live, Problems problems, JsonMapper json, Clock clock,
            SignInCheck signIns) {
        this.live = live;
        this.signIns = signIns;
        this.problems = problems;
        this.refusals = new RefusalJson(problems);
        this.json = json;
        this.clock = clock;
        ServerContainer container = servletContext.map(c -> (ServerContainer) c.getAttribute(ServerContainer.class.getName()))
                .orElse(null);
        if (container == null) {
            log.info("no WebSocket container (not a servlet web server): the bid socket is off");
            return;
        }
        try {
            container.addEndpoint(ServerEndpointConfig.Builder.create(Connection.class, PATH)
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
                            config.getUserProperties().put("locale", locale(request.getHeaders().get("Accept-Language")));
                            List<String> room = request.getParameterMap().get("room");
                            config.getUserProperties().put("room", room == null || !room.contains("false"));
                            Object httpSession = request.getHttpSession();
                            if (httpSession != null) {
                                config.getUserProperties().put("httpSession", httpSession);
                            }
                            List<String> after = request.getParameterMap().get("after");
                            config.getUserProperties().put("after", after == null || after.isEmpty() ? -1L : version(after.get(0)));
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public <T> T getEndpointInstance(Class<T> type) {
                            return (T) new Connection();
                        }
                    }).build());
        } catch (jakarta.websocket.DeploymentException e) {
            throw new IllegalStateException("the bid socket could not be registered", e);
        }
    }

    /** A room version a reconnecting client names ({@code ?after=}); -1 where it names none or nonsense. */
    private static long version(String text) {
        try {
            return Math.max(-1L, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static Locale locale(List<String> acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isEmpty()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(String.join(",", acceptLanguage)),
                    List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
            return found == null ? Locale.SIMPLIFIED_CHINESE : found;
        } catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    /** The public room frame of a state, made once per state however many sockets receive it. */
    private record Memo(RoomSnapshot snapshot, String frame) {
    }

    private volatile Memo memo;

    private String publicFrame(UUID lotId, RoomSnapshot s) {
        Memo m = memo;
        if (m != null && m.snapshot() == s) {
            return m.frame();
        }
        String frame = "{\"type\":\"room\"," + SnapshotJson.shared(lotId, s, clock).substring(1);
        memo = new Memo(s, frame);
        return frame;
    }

    /** One socket. */
    final class Connection extends Endpoint implements MessageHandler.Whole<String>, SendHandler {

        private UUID lotId;
        private CurrentUser user;
        /** How the upgrade was signed in: its bearer token, or its HTTP session (asked again before every bid). */
        private String token;
        private jakarta.servlet.http.HttpSession httpSession;
        private String you;
        private Locale locale;
        private String path;
        private Session session;
        private AutoCloseable watch;
        private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        private final AtomicReference<String> state = new AtomicReference<>();
        private final AtomicBoolean sending = new AtomicBoolean();
        private volatile boolean closed;
        /** Close the socket once the queued answers are sent (a sign-in that no longer holds). */
        private volatile boolean closeAfterAnswers;
        /** The close reason then (the error code's name). */
        private volatile String closeReason = CommonError.UNAUTHENTICATED.name();
        /** The newest version replayed to a reconnecting client (older pushes are not sent again). */
        private volatile long sent = -1;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            this.locale = (Locale) config.getUserProperties().getOrDefault("locale", Locale.SIMPLIFIED_CHINESE);
            session.setMaxTextMessageBufferSize(MAX_FRAME);
            session.setMaxBinaryMessageBufferSize(MAX_FRAME);
            try {
                lotId = UUID.fromString(session.getPathParameters().get("lotId"));
            } catch (IllegalArgumentException e) {
                close(CloseReason.CloseCodes.VIOLATED_POLICY, AuctionError.AUCTION_NOT_FOUND.code());
                return;
            }
            path = "/api/v1/auctions/" + lotId + "/socket";
            Principal principal = session.getUserPrincipal();
            if (principal instanceof Authentication a && a.getPrincipal() instanceof CurrentUser.Holder h) {
                user = h.user();
                token = a.getCredentials() instanceof String t ? t : null;
                httpSession = token == null && config.getUserProperties().get("httpSession") instanceof jakarta.servlet.http.HttpSession hs
                        ? hs : null;
            }
            Optional<RoomSnapshot> now = live.snapshot(lotId);
            if (now.isEmpty()) {
                close(CloseReason.CloseCodes.VIOLATED_POLICY, AuctionError.AUCTION_NOT_FOUND.code());
                return;
            }
            try {
                you = user == null ? null : live.numberOf(lotId, user).orElse(null);
            } catch (DomainException e) {
                // issue 20: a bidder a credit record bars now does not enter the room (the records named), and the
                // socket closes; it may watch the room like anyone, signed out
                answer(problem(null, problems.of(e.errorCode(), locale, e.arguments())));
                closeReason = e.errorCode().code();
                closeAfterAnswers = true;
                pump();
                return;
            }
            session.addMessageHandler(this);
            if (Boolean.TRUE.equals(config.getUserProperties().get("room"))) {
                long after = (Long) config.getUserProperties().getOrDefault("after", -1L);
                watch = live.watch(lotId, this::offer).orElse(null);
                if (after >= 0) {
                    // a client reconnecting after the state it last saw: every durable state since, in order, then on
                    for (RoomSnapshot missed : live.since(lotId, after)) {
                        sent = Math.max(sent, missed.version());
                        answer(frame(missed));
                    }
                } else {
                    offer(now.get());
                }
            }
        }

        /** The room's pusher: never waits for this socket. */
        private void offer(RoomSnapshot s) {
            if (closed) {
                throw new IllegalStateException("socket closed"); // the room drops this watcher
            }
            if (s.version() < sent) {
                return; // older than what was replayed
            }
            state.set(frame(s));
            pump();
        }

        private String frame(RoomSnapshot s) {
            return you == null ? publicFrame(lotId, s) : "{\"type\":\"room\"," + SnapshotJson.of(lotId, s, you, clock.instant()).substring(1);
        }

        @Override
        public void onMessage(String frame) {
            String ref = null;
            try {
                BidFrame bid = BidFrame.parse(frame);
                ref = bid.ref();
                if (ref != null && ref.length() > 64) {
                    ref = ref.substring(0, 64);
                }
                if (user == null) {
                    throw new DomainException(CommonError.UNAUTHENTICATED);
                }
                if (user.role() != Role.BIDDER) {
                    throw new DomainException(CommonError.FORBIDDEN);
                }
                if (!stillSignedIn()) {
                    // revoked, expired or signed out since the upgrade: refused, and the socket closed (sign in again)
                    answer(problem(ref, problems.of(CommonError.UNAUTHENTICATED, locale)));
                    user = null;
                    closeReason = CommonError.UNAUTHENTICATED.name();
                    closeAfterAnswers = true;
                    pump();
                    return;
                }
                long fen = LiveAuctionApi.fen(bid.amount());
                String answeredRef = ref;
                live.bidAsync(lotId, user, fen).whenCompleteAsync((decision, failure) -> {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof DomainException refused) { // CREDIT_RESTRICTED (issue 20): the room unchanged
                        answer(problem(answeredRef, problems.of(refused.errorCode(), locale, refused.arguments())));
                    } else if (failure != null) {
                        log.error("auction {}: a bid could not be journalled", lotId, failure);
                        answer(problem(answeredRef, problems.of(CommonError.INTERNAL_ERROR, locale)));
                    } else {
                        answer(answer(answeredRef, decision));
                    }
                }, ACKS);
            } catch (DomainException e) {
                answer(problem(ref, problems.of(e.errorCode(), locale, e.arguments())));
            } catch (IllegalArgumentException e) { // not a bid frame
                answer(problem(ref, problems.of(AuctionError.INVALID_AUCTION_TERMS, locale, "amount")));
            } catch (RuntimeException e) {
                log.error("auction {}: a bid frame failed", lotId, e);
                answer(problem(ref, problems.of(CommonError.INTERNAL_ERROR, locale)));
            }
        }

        private boolean stillSignedIn() {
            if (token != null) {
                return signIns.tokenStillValid(token);
            }
            if (httpSession != null) {
                try {
                    return httpSession.getAttribute("SPRING_SECURITY_CONTEXT") != null;
                } catch (IllegalStateException invalidated) {
                    return false;
                }
            }
            return false;
        }

        private String answer(String ref, BidDecision decision) {
            StringBuilder b = new StringBuilder(256);
            if (decision instanceof BidDecision.Accepted a) {
                b.append("{\"type\":\"accepted\",");
                ref(b, ref);
                return LiveAuctionApi.accepted(b, a);
            }
            b.append("{\"type\":\"refused\",");
            ref(b, ref);
            return b.append("\"problem\":").append(refusals.text((BidDecision.Refused) decision, locale, path)).append('}').toString();
        }

        private String problem(String ref, ProblemDetail p) {
            p.setInstance(java.net.URI.create(path));
            StringBuilder b = new StringBuilder(512).append("{\"type\":\"refused\",");
            ref(b, ref);
            return b.append("\"problem\":").append(json.writeValueAsString(p)).append('}').toString();
        }

        private static void ref(StringBuilder b, String ref) {
            if (ref != null) {
                b.append("\"ref\":\"").append(SnapshotJson.escape(ref)).append("\",");
            }
        }

        private void answer(String frame) {
            answers.add(frame);
            pump();
        }

        /** Sends the next answer (or else the newest state) unless a send is pending; its completion sends the next. */
        private void pump() {
            while (!closed && sending.compareAndSet(false, true)) {
                String next = answers.poll();
                if (next == null && closeAfterAnswers) {
                    sending.set(false);
                    close(CloseReason.CloseCodes.VIOLATED_POLICY, closeReason);
                    return;
                }
                if (next == null) {
                    next = state.getAndSet(null);
                }
                if (next == null) {
                    sending.set(false);
                    if (answers.isEmpty() && state.get() == null) {
                        return;
                    }
                    continue; // something arrived between the polls and the reset
                }
                try {
                    session.getAsyncRemote().sendText(next, this);
                } catch (RuntimeException e) {
                    sending.set(false);
                    gone();
                }
                return;
            }
        }

        @Override
        public void onResult(SendResult result) {
            sending.set(false);
            if (!result.isOK()) {
                gone();
                return;
            }
            pump();
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            gone();
        }

        @Override
        public void onError(Session session, Throwable failure) {
            gone();
        }

        private void gone() {
            closed = true;
            AutoCloseable w = watch;
            watch = null;
            if (w != null) {
                try {
                    w.close();
                } catch (Exception ignored) {
                    // the room drops it at its next push either way
                }
            }
        }

        private void close(CloseReason.CloseCode code, String reason) {
            gone();
            try {
                session.close(new CloseReason(code, reason));
            } catch (IOException ignored) {
                // gone already
            }
        }
    }
}
