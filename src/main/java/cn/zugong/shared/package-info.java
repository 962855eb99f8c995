/**
 * The shared kernel every module may use: roles, the organisation scope, the current user,
 * masking of personal data, paging and the error types the web layer maps to statuses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.zugong.shared;
