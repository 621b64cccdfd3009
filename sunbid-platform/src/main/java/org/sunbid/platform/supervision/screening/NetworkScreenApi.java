package org.sunbid.platform.supervision.screening;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The network screen on demand: {@code POST /api/v1/supervision/screens/network} (administrators, trading-centre
 * staff, supervisors; others 403) runs it now over every opened and awarded lot, raises its warnings and answers with
 * the findings the caller's region holds, ranked, each with its evidence and warning id.
 */
@RestController
@RequestMapping("/api/v1/supervision/screens")
class NetworkScreenApi {

    private final NetworkScreening network;

    NetworkScreenApi(NetworkScreening network) {
        this.network = network;
    }

    @PostMapping("/network")
    NetworkScreening.Run network(CurrentUser user) {
        return network.run(user);
    }
}
