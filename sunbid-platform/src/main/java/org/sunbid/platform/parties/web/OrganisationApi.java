package org.sunbid.platform.parties.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.parties.BasicAccount;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;

/** The organisation register over HTTP, scoped to what the caller may see. */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApi {

    private final Organisations organisations;
    private final Certificates certificates;
    private final BasicAccounts basicAccounts;

    OrganisationApi(Organisations organisations, Certificates certificates, BasicAccounts basicAccounts) {
        this.organisations = organisations;
        this.certificates = certificates;
        this.basicAccounts = basicAccounts;
    }

    record OrganisationView(UUID id, String creditCode, String name, OrganisationKind kind, String regionCode,
            boolean blacklisted) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.creditCode().value(), o.name(), o.kind(), o.regionCode(), o.blacklisted());
        }
    }

    record RegisterOrganisation(@NotBlank @Size(max = 18) String creditCode, @NotBlank @Size(max = 200) String name,
            @NotNull OrganisationKind kind, @NotBlank @Size(max = 12) String regionCode) {
    }

    record CertificateUpload(@NotBlank @Size(max = 20000) String pem) {
    }

    @GetMapping
    List<OrganisationView> list(CurrentUser user, @RequestParam(required = false) OrganisationKind kind,
            @RequestParam(required = false) String region) {
        return organisations.visibleTo(user, kind, region).stream().map(OrganisationView::of).toList();
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable UUID id, CurrentUser user) {
        return OrganisationView.of(organisations.get(id, user));
    }

    @PostMapping
    ResponseEntity<OrganisationView> register(@Valid @RequestBody RegisterOrganisation body, CurrentUser user) {
        Organisation created = organisations.register(
                new Organisations.Registration(body.creditCode(), body.name(), body.kind(), body.regionCode()), user);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
                .body(OrganisationView.of(created));
    }

    @GetMapping("/{id}/certificates")
    List<Certificates.CertificateInfo> certificates(@PathVariable UUID id, CurrentUser user) {
        return certificates.ofOrganisation(id, user);
    }

    @PostMapping("/{id}/certificates")
    ResponseEntity<Certificates.CertificateInfo> addCertificate(@PathVariable UUID id,
            @Valid @RequestBody CertificateUpload body, CurrentUser user) {
        Certificates.CertificateInfo created = certificates.registerForOrganisation(id, body.pem(), user);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/certificates")).body(created);
    }

    /** The organisation's basic account (基本账户, Reg. 26): the current one, if any, and every earlier one. */
    record BasicAccountView(BasicAccount current, List<BasicAccount> history) {
    }

    /** Bounds on the raw input only; the format (digits, length) is the service's rule. */
    record BasicAccountInput(@NotBlank @Size(max = 200) String bankName, @NotBlank @Size(max = 80) String accountNumber) {
    }

    @GetMapping("/{id}/basic-account")
    BasicAccountView basicAccount(@PathVariable UUID id, CurrentUser user) {
        List<BasicAccount> history = basicAccounts.history(id, user);
        return new BasicAccountView(history.stream().filter(BasicAccount::current).findFirst().orElse(null), history);
    }

    @PutMapping("/{id}/basic-account")
    BasicAccountView registerBasicAccount(@PathVariable UUID id, @Valid @RequestBody BasicAccountInput body, CurrentUser user) {
        basicAccounts.register(id, body.bankName(), body.accountNumber(), user);
        return basicAccount(id, user);
    }
}
