package dev.cognate.provision;

import java.util.Map;

/** CloudFormation's pseudo parameters, for the configured region and account and the template's stack. */
final class PseudoParameters {
  private PseudoParameters() {}

  static Map<String, String> of(String region, String accountId, String stack) {
    String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    return Map.of(
        "AWS::Region", region,
        "AWS::AccountId", accountId,
        "AWS::StackName", stack,
        "AWS::StackId",
            "arn:" + partition + ":cloudformation:" + region + ":" + accountId + ":stack/" + stack + "/cognate",
        "AWS::Partition", partition,
        "AWS::URLSuffix", region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
  }
}
