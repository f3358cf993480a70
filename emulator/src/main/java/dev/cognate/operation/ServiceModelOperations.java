package dev.cognate.operation;

import java.util.Set;

/**
 * The names of every operation in Cognito's service model (cognito-idp 2016-04-18) as the AWS SDK for Java v2
 * 2.57.8 sends them in {@code X-Amz-Target}. The emulator cannot ask the SDK at run time (it is an optional
 * dependency, absent from the standalone jar), so the list is kept here; {@code ServiceModelOperationsTest} checks
 * it against the SDK's client, and fails when an SDK upgrade adds or renames one.
 */
public final class ServiceModelOperations {
  private static final Set<String> NAMES =
      Set.of(
          "AddCustomAttributes", "AddUserPoolClientSecret", "AdminAddUserToGroup", "AdminConfirmSignUp",
          "AdminCreateUser", "AdminDeleteSoftwareToken", "AdminDeleteUser", "AdminDeleteUserAttributes",
          "AdminDisableProviderForUser", "AdminDisableUser", "AdminEnableUser", "AdminForgetDevice", "AdminGetDevice",
          "AdminGetUser", "AdminGetUserAuthFactors", "AdminInitiateAuth", "AdminLinkProviderForUser",
          "AdminListDevices", "AdminListGroupsForUser", "AdminListUserAuthEvents", "AdminRemoveUserFromGroup",
          "AdminResetUserPassword", "AdminRespondToAuthChallenge", "AdminSetUserMFAPreference",
          "AdminSetUserPassword", "AdminSetUserSettings", "AdminUpdateAuthEventFeedback", "AdminUpdateDeviceStatus",
          "AdminUpdateUserAttributes", "AdminUserGlobalSignOut", "AssociateSoftwareToken", "ChangePassword",
          "CompleteWebAuthnRegistration", "ConfirmDevice", "ConfirmForgotPassword", "ConfirmSignUp", "CreateGroup",
          "CreateIdentityProvider", "CreateManagedLoginBranding", "CreateResourceServer", "CreateTerms",
          "CreateUserImportJob", "CreateUserPool", "CreateUserPoolClient", "CreateUserPoolDomain",
          "CreateUserPoolReplica", "DeleteGroup", "DeleteIdentityProvider", "DeleteManagedLoginBranding",
          "DeleteResourceServer", "DeleteTerms", "DeleteUser", "DeleteUserAttributes", "DeleteUserPool",
          "DeleteUserPoolClient", "DeleteUserPoolClientSecret", "DeleteUserPoolDomain", "DeleteUserPoolReplica",
          "DeleteWebAuthnCredential", "DescribeIdentityProvider", "DescribeManagedLoginBranding",
          "DescribeManagedLoginBrandingByClient", "DescribeResourceServer", "DescribeRiskConfiguration",
          "DescribeTerms", "DescribeTermsByClient", "DescribeUserImportJob", "DescribeUserPool",
          "DescribeUserPoolClient", "DescribeUserPoolDomain", "ForgetDevice", "ForgotPassword", "GetCSVHeader",
          "GetClientToken", "GetDevice", "GetGroup", "GetIdentityProviderByIdentifier", "GetLogDeliveryConfiguration",
          "GetProvisionedLimit", "GetSigningCertificate", "GetTokensFromRefreshToken", "GetUICustomization",
          "GetUser", "GetUserAttributeVerificationCode", "GetUserAuthFactors", "GetUserPoolMfaConfig",
          "GlobalSignOut", "InitiateAuth", "ListDevices", "ListGroups", "ListIdentityProviders",
          "ListResourceServers", "ListTagsForResource", "ListTerms", "ListUserImportJobs",
          "ListUserPoolClientSecrets", "ListUserPoolClients", "ListUserPoolReplicas", "ListUserPools", "ListUsers",
          "ListUsersInGroup", "ListWebAuthnCredentials", "ResendConfirmationCode", "RespondToAuthChallenge",
          "RevokeToken", "SetLogDeliveryConfiguration", "SetRiskConfiguration", "SetUICustomization",
          "SetUserMFAPreference", "SetUserPoolMfaConfig", "SetUserSettings", "SignUp", "StartUserImportJob",
          "StartWebAuthnRegistration", "StopUserImportJob", "TagResource", "UntagResource", "UpdateAuthEventFeedback",
          "UpdateDeviceStatus", "UpdateGroup", "UpdateIdentityProvider", "UpdateManagedLoginBranding",
          "UpdateProvisionedLimit", "UpdateResourceServer", "UpdateTerms", "UpdateUserAttributes", "UpdateUserPool",
          "UpdateUserPoolClient", "UpdateUserPoolDomain", "UpdateUserPoolReplica", "VerifySoftwareToken",
          "VerifyUserAttribute");

  private ServiceModelOperations() {}

  public static boolean contains(String name) {
    return NAMES.contains(name);
  }

  public static Set<String> names() {
    return NAMES;
  }
}
