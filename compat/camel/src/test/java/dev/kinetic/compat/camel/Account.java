package dev.kinetic.compat.camel;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;

/**
 * The Account DTO as Camel's {@code camel-salesforce-maven-plugin} generates one: the fields these tests read
 * beyond those of {@link AbstractSObjectBase} ({@code Id}, {@code Name}, system fields).
 */
public class Account extends AbstractSObjectBase {
    private String industry;
    private String externalKey;

    /** Creates an empty Account. */
    public Account() {
        getAttributes().setType("Account");
    }

    /** The {@code Industry} picklist. */
    @JsonProperty("Industry")
    public String getIndustry() {
        return industry;
    }

    /** Sets {@code Industry}. */
    @JsonProperty("Industry")
    public void setIndustry(String industry) {
        this.industry = industry;
    }

    /** The {@code External_Key__c} external id. */
    @JsonProperty("External_Key__c")
    public String getExternalKey() {
        return externalKey;
    }

    /** Sets {@code External_Key__c}. */
    @JsonProperty("External_Key__c")
    public void setExternalKey(String externalKey) {
        this.externalKey = externalKey;
    }
}
