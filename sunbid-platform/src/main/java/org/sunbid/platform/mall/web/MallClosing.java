package org.sunbid.platform.mall.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.sunbid.platform.mall.GroupPurchases;
import org.sunbid.platform.mall.ReverseAuctions;

/**
 * Before any request to the mall (its API, its public pages, its workbench pages) every reverse auction and group
 * purchase past its close is closed. The scheduled sweep ({@code mall.MallDeadlines}) closes them at the deadline, but
 * only every interval (30 s by default): without this, a request in between would see one open past its close and its
 * order missing, and the orders, contracts and results pages would disagree with each other depending on which is asked
 * first. Both run the same close, once per competition under its row's lock. One indexed query each when nothing is
 * due.
 */
@Configuration
class MallClosing implements WebMvcConfigurer {

    private final ReverseAuctions auctions;
    private final GroupPurchases groups;

    MallClosing(ReverseAuctions auctions, GroupPurchases groups) {
        this.auctions = auctions;
        this.groups = groups;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                auctions.closeDue();
                groups.closeDue();
                return true;
            }
        }).addPathPatterns("/api/v1/mall/**", "/mall", "/mall/**", "/workbench/mall", "/workbench/mall/**");
    }
}
