package io.dingboot.jsapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The values the front end passes to {@code dd.config}, all as strings. Serialised with exactly
 * the field names {@code agentId, corpId, timeStamp, nonceStr, signature}, by any JSON mapper.
 *
 * @param agentId the app's AgentId
 * @param corpId the organisation's CorpId
 * @param timeStamp the signing time, epoch seconds
 * @param nonceStr the random string that was signed
 * @param signature the lowercase hex signature
 */
public record DdConfig(@JsonProperty("agentId") String agentId, @JsonProperty("corpId") String corpId,
		@JsonProperty("timeStamp") String timeStamp, @JsonProperty("nonceStr") String nonceStr,
		@JsonProperty("signature") String signature) {

}
