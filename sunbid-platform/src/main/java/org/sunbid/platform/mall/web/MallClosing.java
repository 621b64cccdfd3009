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
 * Reverse auctions and group purchases close lazily, with the clock: before any request to the mall (its API, its
 * public pages, its workbench pages) every one past its close is closed, so that every mall page — the orders, the
 * contracts, the results — shows the same state whichever is asked first, and no scheduled job makes a page depend
 * on when it ran. One indexed query each when nothing is due.
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
