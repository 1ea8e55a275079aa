import { createRouter, createWebHashHistory } from 'vue-router'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/realTimeJobCenter' },
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
    { path: '/projects', name: 'projects', component: () => import('./views/ProjectsView.vue') },
    { path: '/realTimeJobCenter', name: 'jobs', component: () => import('./views/jobs/JobCenterView.vue') },
    { path: '/realTimeJobCenter/:id', name: 'job', component: () => import('./views/detail/JobDetailView.vue') },
    { path: '/projectResourceFiles', name: 'files', component: () => import('./views/FilesView.vue') },
    { path: '/alertChannels', name: 'alertChannels', component: () => import('./views/AlertChannelsView.vue') },
    { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue') }
  ]
})
